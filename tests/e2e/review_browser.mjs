// Drives headless Chromium through the DevTools protocol over a pipe
// (--remote-debugging-pipe: no port, no WebSocket, no npm package; Debian
// 12's Node 18 is enough), for tests/e2e/review_browser_test.cc.
//
//   node review_browser.mjs CHROMIUM PROFILE_DIR URL MODE [PNG]
//
// MODE "decide": waits for the page, then types a n a <first code key> j a
// u (five decisions with the keyboard and one undo), then k c, a comment
// and Enter, and waits until the page says the seven saves are done. MODE
// "undo": presses u twice. MODE "conflict": opens a second tab, decides the
// current answer there (n), then tries a in the first tab and waits for the
// conflict. MODE "look": only opens the page. Each prints, as JSON on
// standard output, what the page shows (progress line, each answer's
// state in the strip, message, decision, comment; "other": the second
// tab's), and writes a screenshot to PNG when given. Exits non-zero on any
// failure.
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
const call = (method, params = {}, sessionId) => new Promise((resolve) => {
  const id = ++next;
  waiting.set(id, resolve);
  toBrowser.write(JSON.stringify(sessionId ? { id, method, params, sessionId }
                                           : { id, method, params }) + "\0");
});

// A tab with the page loaded and ready.
const openTab = async () => {
  const { targetId } = await call("Target.createTarget", { url: "about:blank" });
  const { sessionId } = await call("Target.attachToTarget", { targetId, flatten: true });
  const tab = { send: (method, params) => call(method, params, sessionId) };
  tab.evaluate = async (expression) => {
    const reply = await tab.send("Runtime.evaluate", { expression, returnByValue: true });
    if (reply.exceptionDetails) fail("page error: " + JSON.stringify(reply.exceptionDetails));
    return reply.result.value;
  };
  tab.until = async (expression, what) => {
    for (let i = 0; i < 400; ++i) {
      if (await tab.evaluate(expression)) return;
      await new Promise((r) => setTimeout(r, 25));
    }
    fail("the page never showed " + what + "; it shows: " +
         await tab.evaluate("document.body.innerText.slice(0, 600)"));
  };
  tab.press = async (key) => {
    const extra = key === "Enter" ? { code: "Enter", windowsVirtualKeyCode: 13, text: "\r" } : { text: key };
    await tab.send("Input.dispatchKeyEvent", { type: "keyDown", key, ...extra });
    await tab.send("Input.dispatchKeyEvent", { type: "keyUp", key });
  };
  tab.saves = (n) => tab.until(`document.body.dataset.saves === '${n}'`, n + " saves");
  await tab.send("Page.enable");
  await tab.send("Runtime.enable");
  await tab.send("Page.navigate", { url });
  await tab.until("document.body && document.body.dataset.ready === '1'", "its answers");
  return tab;
};
const shownBy = (tab) => tab.evaluate(`({
  progress: document.getElementById("progress").textContent,
  states: [...document.querySelectorAll("#strip button")].map((b) => b.className.split(" ")[0]),
  ids: [...document.querySelectorAll("#strip button")].map((b) => b.title.split(":")[0].slice(7)),
  where: document.getElementById("where").textContent,
  message: document.getElementById("message").textContent,
  decision: document.getElementById("decision").textContent,
  comment: document.getElementById("comment").value,
})`);

const tab = await openTab();
const shown = {};
if (mode === "decide") {
  // Five decisions and an undo, then a comment typed on the fourth answer.
  const codeKey = await tab.evaluate("document.querySelector('#tree kbd').textContent");
  for (const key of ["a", "n", "a", codeKey, "j", "a", "u"]) await tab.press(key);
  await tab.saves(6);
  await tab.press("k");
  await tab.press("c");
  await tab.send("Input.insertText", { text: "relu deux fois" });
  await tab.press("Enter");
  await tab.saves(7);
} else if (mode === "undo") {
  // A new tab on a restarted server undoes the last two changes.
  await tab.press("u");
  await tab.saves(1);
  shown.after_one_undo = await shownBy(tab);
  await tab.press("u");
  await tab.saves(2);
} else if (mode === "conflict") {
  // Two tabs on the same answer: the second decides first; the first,
  // still showing the answer undecided, is told and shown the decision.
  const other = await openTab();
  await other.press("n");
  await other.saves(1);
  await tab.press("a");
  await tab.until("document.getElementById('message').textContent.startsWith('CONFLICT')",
                  "the conflict");
  shown.other = await shownBy(other);
} else if (mode !== "look") {
  fail("unknown mode " + mode);
}
Object.assign(shown, await shownBy(tab));
if (png) {
  const shot = await tab.send("Page.captureScreenshot", { format: "png" });
  writeFileSync(png, Buffer.from(shot.data, "base64"));
}
console.log(JSON.stringify(shown));
// Closed, not killed: its processes are gone before the test removes the profile.
closing = true;
call("Browser.close");
await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
process.exit(0);
