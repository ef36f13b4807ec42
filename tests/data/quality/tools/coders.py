#!/usr/bin/env python3
"""Agreement between two codings (id,codes files): per-theme kappa, subtheme micro-F1, disagreements."""
import csv, sys
def load(p):
    with open(p, newline='', encoding='utf-8') as f:
        return {r['id']: set(c for c in (r.get('codes') or '').split(';') if c) for r in csv.DictReader(f)}
def themes(cs): return {c.split('.')[0] for c in cs}
def subs(cs):   return {c for c in cs}  # codes as written (subtheme or theme alone)
def kappa(a, b, ids, t):
    n=len(ids); aa=[t in themes(a[i]) for i in ids]; bb=[t in themes(b[i]) for i in ids]
    po=sum(x==y for x,y in zip(aa,bb))/n; pa=sum(aa)/n; pb=sum(bb)/n; pe=pa*pb+(1-pa)*(1-pb)
    return None if pe==1 else (po-pe)/(1-pe)
if __name__=='__main__':
    a=load(sys.argv[1]); b=load(sys.argv[2]); ids=[i for i in a if i in b]
    tp=sum(len(subs(a[i])&subs(b[i])) for i in ids); fp=sum(len(subs(b[i])-subs(a[i])) for i in ids); fn=sum(len(subs(a[i])-subs(b[i])) for i in ids)
    print(f"n={len(ids)} identical={sum(a[i]==b[i] for i in ids)} micro-F1={2*tp/(2*tp+fp+fn):.3f}")
    for t in ['revalorisation','liberte_tarifaire','gouvernance','mutuelles']:
        k=kappa(a,b,ids,t); print(t, 'kappa', None if k is None else round(k,3), 'A', sum(t in themes(a[i]) for i in ids), 'B', sum(t in themes(b[i]) for i in ids))
    if len(sys.argv)>3:
        with open(sys.argv[3],'w',newline='') as f:
            w=csv.writer(f,lineterminator='\n'); w.writerow(['id','coder1','coder2'])
            for i in ids:
                if a[i]!=b[i]: w.writerow([i,';'.join(sorted(a[i])),';'.join(sorted(b[i]))])
