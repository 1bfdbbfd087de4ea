# mk.py: helper e's session-17 second-wave actors-only dev gold (persons
# named with age and/or address in local news), written by hand before any
# code change (sentences by ../dev-actors-e16/split.py, the plain splitter of dev-family-e17
# with initials and street abbreviations kept inside a sentence).
import json,sys
sys.path.insert(0,'../dev-actors-e16')  # its split.py, the same splitter
from split import sents, ABBR
PN,ON='persName','orgName'
G={}
JH,DZ,LB,AR='jubal-r-hackett','zenas-dorsey','lafe-brundage','alma-ruiz'
G['1961-11-18-press-county-police-blotter']=[
 (1,'Jubal R. Hackett',JH,PN),(1,'Mercy Hospital','mercy-hospital',ON),
 (2,'Orval Tenney','orval-tenney',PN),(4,'Ione Pettibone','ione-pettibone',PN),
 (5,'Casimir Wojcik','casimir-wojcik',PN),(5,'Hackett',JH,PN),
 (6,'Dorsey Hardware Co.','dorsey-hardware-co',ON),(7,'Zenas Dorsey',DZ,PN),(8,'Dorsey',DZ,PN),
 (9,'Lafe Brundage',LB,PN),(10,'Brundage',LB,PN),(12,'Ancel Purdy','ancel-purdy',PN),
 (14,'Ivo Szabo','ivo-szabo',PN),(15,'Alma Ruiz',AR,PN),(15,'Elks Lodge','elks-lodge',ON),
 (17,'Ruiz',AR,PN),(18,'Dempsey Yoder','dempsey-yoder',PN),(19,'Yoder','dempsey-yoder',PN)]
RK='raymond-e-killingsworth'
G['1961-brown-a22-crash-and-obituaries']=[
 (1,'Robert E. Sims','robert-e-sims',PN),(2,'G. E. Hammons','g-e-hammons',PN),
 (3,'James Willard Olvey','james-willard-olvey',PN),(3,'Larry Coleman Barnett','larry-coleman-barnett',PN),
 (3,'Grady Hospital','grady-hospital',ON),(4,'Raymond E. Killingsworth',RK,PN),(5,'Killingsworth',RK,PN),
 (5,'S and W Cafeteria','s-and-w-cafeteria',ON),
 (8,'C. E. Killingsworth','c-e-killingsworth',PN),(8,'John Killingsworth','john-killingsworth',PN),
 (8,'Minnie Killingsworth','minnie-killingsworth',PN),(8,'Bessie Bloom','bessie-bloom',PN),
 (9,'John William Ball','john-william-ball',PN),(10,'Ball','john-william-ball',PN),
 (11,'Oakland City Methodist Church','oakland-city-methodist-church',ON),
 (12,"Blanchard's Chapel",'blanchards-chapel',ON),(12,'J. H. Hearn','j-h-hearn',PN),
 (14,'Bobby Bester Hammett','bobby-bester-hammett',PN),(14,'Lucille Herrington Jones','lucille-herrington-jones',PN)]
for name,acts in G.items():
    ss=sents(f'articles/{name}.txt', ABBR+('Rev.','Ave.','Cir.','Pa.','Miss.','Rte.','Dec.','Nov.'), initials=True)
    for s,t,k,ty in acts: assert t in ss[s],(name,s,t)
    json.dump({'source':name+'.txt','sentences':ss,
      'actors':[{'s':s,'text':t,'key':k,'type':ty} for s,t,k,ty in acts],
      'quotes':[],'said':[],'hedges':[],'labels':[]},open(f'gold/{name}.json','w'),indent=1,ensure_ascii=False)
