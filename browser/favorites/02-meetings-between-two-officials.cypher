// Meetings that two officials both attended.
MATCH (a:Person {id: 'person-subhan-bekirov'})-[ra:ATTENDED]->(m:Meeting)<-[rb:ATTENDED]-(b:Person {id: 'person-qamar-javed-bajwa'})
RETURN a, ra, m, rb, b;
