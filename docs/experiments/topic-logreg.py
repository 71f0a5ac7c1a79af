import json, math, re, random, collections, sys
rows=[json.loads(l) for l in open(__import__('os').path.join(__import__('os').path.dirname(__file__), 'topicdata.jsonl'))]
STOP=set("a an the and or but of to in on at for with from by as is are was were be been it its that this he she they we i you his her their our my your said says will would not no".split())
def stem(w):
    for suf in ('ations','ation','ings','ing','ies','ed','es','s','ly'):
        if len(w)>len(suf)+3 and w.endswith(suf): return w[:-len(suf)]
    return w
def toks(t): return [stem(w) for w in re.findall(r"[a-z][a-z'-]+", t.lower()) if w not in STOP]
TOPICS=['security','trade','abductees']
def feats(r, use_engine):
    f=collections.Counter()
    for w in toks(r['text']): f['q:'+w]+=1
    for w in toks(r['para']): f['p:'+w]+=0.5
    for w in toks(r['prev']): f['r:'+w]+=0.3
    for w in toks(r['heading']): f['h:'+w]+=0.5
    for w in toks(r['lead']+' '+r['title']): f['l:'+w]+=0.2
    f['kind:'+r['kind']]=1
    if use_engine:
        for t in r['engine']: f['e:'+t]=1
        if not r['engine']: f['e:none']=1
    f['bias']=1
    return f
def train(X,y,epochs=15,lr=0.1,l2=1e-3):
    w=collections.defaultdict(float)
    idx=list(range(len(X)))
    random.seed(1)
    for ep in range(epochs):
        random.shuffle(idx)
        for i in idx:
            z=sum(w[k]*v for k,v in X[i].items())
            p=1/(1+math.exp(-max(-30,min(30,z))))
            g=p-y[i]
            for k,v in X[i].items(): w[k]-=lr*(g*v+l2*w[k])
    return w
def pred(w,x):
    z=sum(w.get(k,0)*v for k,v in x.items()); return 1/(1+math.exp(-max(-30,min(30,z))))
use_engine = len(sys.argv)>1
sets=sorted(set(r['set'] for r in rows))
res={}
for s in sets:
    tr=[r for r in rows if r['set']!=s]; te=[r for r in rows if r['set']==s]
    Xtr=[feats(r,use_engine) for r in tr]
    ws={t:train(Xtr,[1 if t in r['gold'] else 0 for r in tr]) for t in TOPICS}
    ok=0; eng=0
    for r in te:
        x=feats(r,use_engine)
        p={t for t in TOPICS if pred(ws[t],x)>0.5}
        ok+= p==set(r['gold']); eng+= set(r['engine'])==set(r['gold'])
    res[s]=(ok/len(te), eng/len(te), len(te))
    print(f"{s:10} LR={ok/len(te):.3f}  engine(dev)={eng/len(te):.3f}  n={len(te)}")
tot=sum(v[2] for v in res.values()); print('overall LR', sum(v[0]*v[2] for v in res.values())/tot, 'engine', sum(v[1]*v[2] for v in res.values())/tot)
