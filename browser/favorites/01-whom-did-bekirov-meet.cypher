// Whom did Subhan Bekirov meet? Each meeting with the other participants, their roles and posts.
MATCH (p:Person {id: 'person-subhan-bekirov'})-[a:ATTENDED]->(m:Meeting)<-[b:ATTENDED]-(other:Person)
RETURN p, a, m, b, other;
