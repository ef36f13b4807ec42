// Drives headless Chromium through the DevTools protocol over a pipe
// (--remote-debugging-pipe: no port, no WebSocket, no npm package; Debian
// 12's Node 18 is enough), for tests/e2e/review_browser_test.cc.
//
//   node review_browser.mjs CHROMIUM PROFILE_DIR URL MODE [PNG]
//
// MODE "decide": waits for the page, then types a n a <first code key> j a
// u: five decisions with the keyboard and one undo, and waits until the
// page says the six saves are done. MODE "look": only opens the page.
// Either way it prints, as JSON on standard output, what the page shows:
// the progress line, each answer's state in the strip, the last message,
// and writes a screenshot to PNG when given. Exits non-zero on any failure.
import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";

const [chromium, profile, url, mode, png] = process.argv.slice(2);
const fail = (why) => { console.error("review_browser: " + why); process.exit(1); };
setTimeout(() => fail("timed out after 25 s"), 25000).unref();

const browser = spawn(chromium, [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
  "--user-data-dir=" + profile, "--window-size=1280,900", "--remote-debugging-pipe",
  "about:blank"], { stdio: ["ignore", "ignore", "pipe", "pipe", "pipe"] });
process.on("exit", () => browser.kill("SIGKILL"));
let log = "";
browser.stderr.on("data", (chunk) => { log += chunk; });
const exited = new Promise((resolve) => browser.on("exit", resolve));
let closing = false;
exited.then(() => closing || fail("chromium exited:\n" + log));

// The protocol over fds 3 (to Chromium) and 4 (from it): JSON messages ending in NUL.
const [toBrowser, fromBrowser] = [browser.stdio[3], browser.stdio[4]];
let next = 0, pending = "";
const waiting = new Map();
fromBrowser.on("data", (chunk) => {
  pending += chunk.toString("utf8");
  let end;
  while ((end = pending.indexOf("\0")) >= 0) {
    const message = JSON.parse(pending.slice(0, end));
    pending = pending.slice(end + 1);
    if (message.id && waiting.has(message.id)) {
      const resolve = waiting.get(message.id);
      waiting.delete(message.id);
      if (message.error) fail("CDP error: " + JSON.stringify(message.error));
      resolve(message.result);
    }
  }
});
let session;
const send = (method, params = {}) => new Promise((resolve) => {
  const id = ++next;
  waiting.set(id, resolve);
  toBrowser.write(JSON.stringify(session ? { id, method, params, sessionId: session }
                                         : { id, method, params }) + "\0");
});
const { targetId } = await send("Target.createTarget", { url: "about:blank" });
session = (await send("Target.attachToTarget", { targetId, flatten: true })).sessionId;
const evaluate = async (expression) => {
  const reply = await send("Runtime.evaluate", { expression, returnByValue: true });
  if (reply.exceptionDetails) fail("page error: " + JSON.stringify(reply.exceptionDetails));
  return reply.result.value;
};
const until = async (expression, what) => {
  for (let i = 0; i < 400; ++i) {
    if (await evaluate(expression)) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  fail("the page never showed " + what + "; it shows: " +
       await evaluate("document.body.innerText.slice(0, 600)"));
};
const press = async (key) => {
  await send("Input.dispatchKeyEvent", { type: "keyDown", key, text: key });
  await send("Input.dispatchKeyEvent", { type: "keyUp", key });
};

await send("Page.enable");
await send("Runtime.enable");
await send("Page.navigate", { url });
await until("document.body && document.body.dataset.ready === '1'", "its answers");
if (mode === "decide") {
  const codeKey = await evaluate("document.querySelector('#tree kbd').textContent");
  for (const key of ["a", "n", "a", codeKey, "j", "a", "u"]) await press(key);
  await until("document.body.dataset.saves === '6'", "six saves");
} else if (mode !== "look") {
  fail("unknown mode " + mode);
}
const shown = await evaluate(`JSON.stringify({
  progress: document.getElementById("progress").textContent,
  states: [...document.querySelectorAll("#strip button")].map((b) => b.className.split(" ")[0]),
  ids: [...document.querySelectorAll("#strip button")].map((b) => b.title.split(":")[0].slice(7)),
  message: document.getElementById("message").textContent,
  decision: document.getElementById("decision").textContent,
})`);
if (png) {
  const shot = await send("Page.captureScreenshot", { format: "png" });
  writeFileSync(png, Buffer.from(shot.data, "base64"));
}
console.log(shown);
// Closed, not killed: its processes are gone before the test removes the profile.
closing = true;
session = undefined;
send("Browser.close");
await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
process.exit(0);
