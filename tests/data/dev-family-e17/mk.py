# mk.py: helper e's session-17 actors-only dev gold (family appositives,
# given names alone), written by hand before any tagger run on these texts
# (sentences by ../dev-actors-e16/split.py, a plain splitter).
import json,sys
sys.path.insert(0,'../dev-actors-e16')  # its split.py, the same splitter
from split import sents
PN,ON='persName','orgName'
G={}
G['1961-09-23-press-mill-fire']=[
 (1,'Walter Pruitt','walter-pruitt',PN),(2,'Edna','edna-pruitt',PN),
 (4,'Carl Ostrander','carl-ostrander',PN),(5,'Billy','billy',PN),
 (6,'Ostrander','carl-ostrander',PN),(6,'Louise','louise',PN),(7,'Billy','billy',PN),
 (8,'Amos Delacroix','amos-delacroix',PN),(9,'Harlan Manufacturing Co.','harlan-manufacturing-co',ON),
 (10,'Delacroix','amos-delacroix',PN),(11,'Edna Pruitt','edna-pruitt',PN),(11,'Vernon','vernon',PN),
 (12,'Red Cross','red-cross',ON),(12,'First Baptist Church','first-baptist-church',ON),
 (13,'Ruth Kessler','ruth-kessler',PN),(14,'Paul Kessler','paul-kessler',PN),(14,'Pruitt','walter-pruitt',PN),
 (16,'Harold Finch','harold-finch',PN),(17,'Finch','finch',PN),(17,'Carol','carol',PN),
 (17,'Harlan High School','harlan-high-school',ON),(18,'Joe Barrow','joe-barrow',PN),(19,'Barrow','joe-barrow',PN)]
J,H='jess-tolliver','lyle-hatch'
G['1961-10-07-fiction-dry-creek']=[
 (0,'Jess Tolliver',J,PN),(0,'Bar T','bar-t',ON),(1,'Clay','clay',PN),(2,'Jess',J,PN),(4,'Clay','clay',PN),
 (6,'Ezra Tolliver','ezra-tolliver',PN),(8,'Ezra','ezra-tolliver',PN),(9,'Hatch',H,PN),
 (10,'Jess',J,PN),(10,'Hatch',H,PN),(11,'Hatch',H,PN),(12,'Lyle Hatch',H,PN),(13,'Jess',J,PN),
 (14,'Ruth','ruth',PN),(15,'Jess',J,PN),(16,'Clay','clay',PN),(17,'Hatch',H,PN),(18,'Jess',J,PN),
 (19,'Clay','clay',PN),(20,'Clay','clay',PN),(20,'Jess',J,PN),(23,'Hatch',H,PN),(23,'Dutton','dutton',PN),
 (24,'Hatch',H,PN),(24,'Dutton','dutton',PN),(25,'Hatch',H,PN),(25,'Jess',J,PN)]
for name,acts in G.items():
    ss=sents(f'articles/{name}.txt')
    for s,t,k,ty in acts: assert t in ss[s],(name,s,t)
    json.dump({'source':name+'.txt','sentences':ss,
      'actors':[{'s':s,'text':t,'key':k,'type':ty} for s,t,k,ty in acts],
      'quotes':[],'said':[],'hedges':[],'labels':[]},open(f'gold/{name}.json','w'),indent=1,ensure_ascii=False)
