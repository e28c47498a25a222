SELECT substring(c.name, 3, 4)
FROM customers AS c
ORDER BY c.id NULLS FIRST
