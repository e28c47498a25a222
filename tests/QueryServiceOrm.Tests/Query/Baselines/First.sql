SELECT c.id, c.active, c.city, c.joined, c.name, c.score, c.tier
FROM customers AS c
ORDER BY c.joined NULLS FIRST
LIMIT 1
