SELECT c.name
FROM customers AS c
ORDER BY c.id NULLS FIRST
