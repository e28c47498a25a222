SELECT COALESCE(c.city, 'unknown')
FROM customers AS c
ORDER BY c.id NULLS FIRST
