# mk.py: helper e's session-16 actors-only dev gold, written by hand before any
# tagger run on these texts (sentences by split.py, a plain splitter).
import json,sys
sys.path.insert(0,'.')
from split import sents
PN,ON,ST,RS,PL,GR='persName','orgName','orgName:state','rs:state','placeName','rs:group'
G={}
G['1851-11-14-moby-dick-ch081']=[
 (0,'Derick De Deer','derick-de-deer',PN),
 (4,'Starbuck','starbuck',PN),(6,'Stubb','stubb',PN),(6,'Starbuck','starbuck',PN),
 (8,'Flask','flask',PN),(10,'Derick De Deer','derick-de-deer',PN),(10,'Flask','flask',PN),
 (11,'Ahab','ahab',PN),(12,'Derick','derick-de-deer',PN),(12,'Derick','derick-de-deer',PN)]
G['1961-05-20-learned-work-and-status']=[
 (0,'Weber','weber',PN),(1,'Weber','weber',PN),(2,'Parsons','parsons',PN),
 (3,'Davis','davis',PN),(3,'Moore','moore',PN),(3,'American Sociological Review','american-sociological-review',ON),
 (4,'Tumin','tumin',PN),
 (6,'National Opinion Research Center','national-opinion-research-center',ON),(6,'University of Chicago','university-of-chicago',ON),
 (6,'North','north',PN),(6,'Hatt','hatt',PN),(6,'Opinion News','opinion-news',ON),
 (7,'Inkeles','inkeles',PN),(7,'Rossi','rossi',PN),(7,'Japan','japan',PL),(7,'Great Britain','united-kingdom',PL),
 (7,'New Zealand','new-zealand',PL),(7,'Germany','germany',PL),(7,'Soviet Union','soviet-union',PL),
 (8,'Bureau of Labor Statistics','bureau-of-labor-statistics',ON),(9,'Department of Labor','us-labor-department',ON),
 (10,'Lipset','lipset',PN),(10,'University of California','university-of-california',ON),(10,'Reinhard Bendix','reinhard-bendix',PN),
 (10,'Lipset','lipset',PN),(10,'Bendix','reinhard-bendix',PN),
 (12,'Duncan','duncan',PN),(12,'Social Science Research Council','social-science-research-council',ON),
 (13,'Bendix','reinhard-bendix',PN)]
G['1961-08-12-press-skyjacked-jet']=[
 (1,'Continental Airlines','continental-airlines',ON),
 (4,'Robert Berry','robert-berry',PN),(5,'Berry','robert-berry',PN),
 (7,'John Salvador','john-salvador',PN),(8,'Army','us-army',ON),
 (10,'Salvador','john-salvador',PN),(10,'Lois Carnegey','lois-carnegey',PN),(10,'Byron D. Rickards','byron-d-rickards',PN),
 (11,'Rickards','byron-d-rickards',PN),
 (12,'Eastern Airlines','eastern-airlines',ON),(12,'Newsweek','newsweek',ON),(12,'Havana','cuba',PL),
 (13,'Rickards','byron-d-rickards',PN),(15,'Havana','cuba',PL),
 (17,'Jerry McCauley','jerry-mccauley',PN),(17,'Air Force','us-air-force',ON),
 (18,'Cuba','cuba',PL),(18,'McCauley','jerry-mccauley',PN),(19,'Air Force','us-air-force',ON),
 (21,'Jack Casey','jack-casey',PN),(21,'Continental Airlines','continental-airlines',ON),(21,'Fred Mullen','fred-mullen',PN),
 (21,'Truman Cleveland','truman-cleveland',PN),(21,'Leonard Gilman','leonard-gilman',PN),
 (21,'U.S. Immigration Service Border Patrol','us-immigration-service-border-patrol',ON),
 (23,'Border Patrol','us-immigration-service-border-patrol',ON),(23,'FBI','fbi',ON),
 (24,'FBI','fbi',ON),(24,'Havana','cuba',PL),
 (26,'Continental','continental-airlines',ON),(26,'Robert Six','robert-six',PN),
 (27,'Kennedy','john-f-kennedy',PN),(27,'Cuba','cuba',ST),(27,'Fidel Castro','fidel-castro',PN),
 (28,'Kennedy','john-f-kennedy',PN),(29,'Cuba','cuba',ST),
 (31,'Leon Bearden','leon-bearden',PN),(31,'Cody','cody-bearden',PN),
 (33,'Norman Simmons','norman-simmons',PN),(36,'Rickards','byron-d-rickards',PN),
 (42,'FBI','fbi',ON),(42,'Francis Crosby','francis-crosby',PN),
 (43,'Crosby','francis-crosby',PN),(43,'Carnegey','lois-carnegey',PN),(43,'Toni Besset','toni-besset',PN),
 (44,'Casey','jack-casey',PN),(44,'Cleveland','truman-cleveland',PN),(44,'Mullen','fred-mullen',PN),
 (45,'Crosby','francis-crosby',PN),(45,'Gilman','leonard-gilman',PN),
 (46,'Bearden','leon-bearden',PN),(47,'Gilman','leonard-gilman',PN),
 (48,'Simmons','norman-simmons',PN),(48,'Bearden','cody-bearden',PN),
 (49,'Simmons','norman-simmons',PN),(49,'Crosby','francis-crosby',PN),
 (51,'Bearden','leon-bearden',PN),(51,'Castro','fidel-castro',PN),(51,'Cuba','cuba',PL),
 (52,'Mary','mary',PN),
 (53,'Capitol Hill','us-congress',PL),(54,'Senate','us-senate',ON),(54,'U.S.','united-states',ST),
 (55,'Kennedy','john-f-kennedy',PN),(56,'Pentagon','united-states',RS),
 (57,'Senate','us-senate',ON),(57,'Kennedy','john-f-kennedy',PN),
 (58,'Senate','us-senate',ON),(58,'Strategic Air Command','strategic-air-command',ON),
 (59,'House','us-house-of-representatives',ON),
 (61,'Senate','us-senate',ON),(61,'House','us-house-of-representatives',ON),(61,'White House','united-states',PL)]
G['1961-11-04-letters-to-the-inquirer']=[
 (0,'George Hough','george-hough',PN),(9,'Russia','soviet-union',ST),
 (15,'Martin Luther','martin-luther',PN),
 (19,'Cheddi Jagan','cheddi-jagan',PN),(19,'British Guiana','british-guiana',PL),(19,'United States','united-states',PL),
 (21,'Castro','fidel-castro',PN),
 (23,'Japan','japan',PL),(25,'Japan','japan',PL),(26,'United Nations','un',ON),
 (27,'Russia','soviet-union',ST),(28,'Soviets','soviet-union',RS),(28,'U.N.','un',ON),
 (29,'Dag Hammarskjold','dag-hammarskjold',PN),(30,'United Nations','un',ON),
 (31,'Hammarskjold','dag-hammarskjold',PN),(32,'Soviet Union','soviet-union',ST),
 (33,'Khrushchev','nikita-khrushchev',PN),
 (36,'Johnson','lyndon-b-johnson',PN),(36,'Bashir Ahmad','bashir-ahmad',PN),
 (48,'Maurice Stans','maurice-stans',PN),(55,'Congress','us-congress',ON)]
for name,acts in G.items():
    ss=sents(f'articles/{name}.txt')
    for s,t,k,ty in acts: assert t in ss[s],(name,s,t)
    json.dump({'source':name+'.txt','sentences':ss,
      'actors':[{'s':s,'text':t,'key':k,'type':ty} for s,t,k,ty in acts],
      'quotes':[],'said':[],'hedges':[],'labels':[]},open(f'gold/{name}.json','w'),indent=1,ensure_ascii=False)
