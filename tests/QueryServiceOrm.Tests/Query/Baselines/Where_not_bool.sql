SELECT c.id
FROM customers AS c
WHERE NOT (c.active)
ORDER BY c.id NULLS FIRST
