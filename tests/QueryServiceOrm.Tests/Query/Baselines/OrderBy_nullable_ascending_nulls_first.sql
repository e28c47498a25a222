SELECT c.id
FROM customers AS c
ORDER BY c.score NULLS FIRST, c.id NULLS FIRST
