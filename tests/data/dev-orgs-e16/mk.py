# mk.py: helper e's second-wave (session 16) actors-only dev gold for
# organisation names in 1961 press, written by hand before any tagger run
# on these texts (sentences by ../dev-actors-e16/split.py, a plain splitter,
# with initials and "Corp." kept inside a sentence).
import json,sys
sys.path.insert(0,'../dev-actors-e16')  # its split.py, the same splitter
from split import sents, ABBR
PN,ON,ST,RS,PL,GR='persName','orgName','orgName:state','rs:state','placeName','rs:group'
G={}
G['1961-09-02-press-steel-talks']=[
 (0,'David J. McDonald','david-j-mcdonald',PN),(0,'United Steelworkers of America','united-steelworkers-of-america',ON),
 (1,'Steelworkers','united-steelworkers-of-america',ON),
 (2,'McDonald','david-j-mcdonald',PN),(2,'R. Conrad Cooper','r-conrad-cooper',PN),(2,'United States Steel Corp.','united-states-steel-corp',ON),
 (3,'AFL-CIO','afl-cio',ON),
 (4,'George Meany','george-meany',PN),(4,'Washington','united-states',PL),
 (5,'Walter Reuther','walter-reuther',PN),(5,'United Auto Workers','united-auto-workers',ON),(5,'McDonald','david-j-mcdonald',PN),
 (6,'International Brotherhood of Teamsters','international-brotherhood-of-teamsters',ON),
 (7,'James R. Hoffa','james-r-hoffa',PN),(7,'Teamsters','international-brotherhood-of-teamsters',ON),
 (8,'Teamsters','international-brotherhood-of-teamsters',ON),
 (9,'Arthur J. Goldberg','arthur-j-goldberg',PN),(9,'Steelworkers','united-steelworkers-of-america',ON),
 (10,'Johnson','lyndon-b-johnson',PN),
 (11,'Chicago Tribune','chicago-tribune',ON),
 (12,'Times of London','times-of-london',ON),
 (13,'McDonald','david-j-mcdonald',PN),(13,'Rosemary','rosemary',PN)]
G['1961-10-14-press-airline-merger']=[
 (0,'Eastern Airlines','eastern-airlines',ON),(0,'Continental Airlines','continental-airlines',ON),(0,'Civil Aeronautics Board','civil-aeronautics-board',ON),
 (1,'Continental','continental-airlines',ON),
 (2,'Malcolm A. MacIntyre','malcolm-a-macintyre',PN),(2,'Eastern','eastern-airlines',ON),
 (3,'Air Line Pilots Association','air-line-pilots-association',ON),
 (4,'Clarence N. Sayen','clarence-n-sayen',PN),
 (5,'International Association of Machinists','international-association-of-machinists',ON),
 (6,'Newsweek','newsweek',ON),(6,'American Airlines','american-airlines',ON),(6,'United Air Lines','united-air-lines',ON),
 (7,'Wall Street Journal','wall-street-journal',ON),
 (8,'New York Times','new-york-times',ON),
 (9,'Robert F. Six','robert-f-six',PN),(9,'Continental','continental-airlines',ON),(9,'Continental','continental-airlines',ON),
 (10,'Richard','richard',PN),
 (11,'Eastern','eastern-airlines',ON),(11,'Eddie Rickenbacker','eddie-rickenbacker',PN)]
for name,acts in G.items():
    ss=sents(f'articles/{name}.txt', ABBR+('Corp.',), initials=True)
    for s,t,k,ty in acts: assert t in ss[s],(name,s,t)
    json.dump({'source':name+'.txt','sentences':ss,
      'actors':[{'s':s,'text':t,'key':k,'type':ty} for s,t,k,ty in acts],
      'quotes':[],'said':[],'hedges':[],'labels':[]},open(f'gold/{name}.json','w'),indent=1,ensure_ascii=False)
