SELECT c.id AS Id, CAST(length(c.name) AS int) AS Length
FROM customers AS c
WHERE CAST(length(c.name) AS int) > 11
ORDER BY c.id NULLS FIRST
