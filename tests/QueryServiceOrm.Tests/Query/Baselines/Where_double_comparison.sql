SELECT c.id
FROM customers AS c
WHERE c.score > CAST('10.5' AS double)
ORDER BY c.id NULLS FIRST
