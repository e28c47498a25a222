SELECT c.id, c.active, c.city, c.joined, c.name, c.score, c.tier
FROM customers AS c
WHERE c.id = 7
LIMIT 2
