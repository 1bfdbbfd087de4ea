import re,sys,json,os
END = re.compile(r'([.?!]+\)?)(["\u201d]?)\s+(?=["\u201c(]?[A-Z])')
ABBR = ('Byron D.','Mr.','Mrs.','Dr.','St.','Capt.','Pfc.','Sen.','Calif.','Wash.','Ariz.','Aug.','Oct.','a.m.','p.m.','U.S.','P.S.','Fla.')
def paragraphs(path):
    ps=[p.strip() for p in open(path).read().split('\n\n') if p.strip()]
    ps=ps[3:]
    # drop headings: short, no final stop
    return [' '.join(p.split()) for p in ps if not (len(p)<70 and not p.rstrip().endswith(('.','"','!',':')))]
def split(p, abbr=ABBR, initials=False):
    # abbr: endings that do not end a sentence; initials: nor does a
    # single capital and a stop (a set whose writer kept "the Bar T." as an
    # end leaves it False)
    out,start=[],0
    for m in END.finditer(p):
        cand=p[start:m.end()].strip()
        if initials and re.search(r'(^|\s)[A-Z]\.$', cand): continue
        if any(cand.endswith(a) for a in abbr) and not cand.endswith('a.m..'): continue
        out.append(cand); start=m.end()
    out.append(p[start:].strip())
    return [s for s in out if s]
def sents(path, abbr=ABBR, initials=False):
    r=[]
    for p in paragraphs(path): r+=split(p, abbr, initials)
    return r
if __name__=='__main__':
    for i,s in enumerate(sents(sys.argv[1])): print(i,s)
