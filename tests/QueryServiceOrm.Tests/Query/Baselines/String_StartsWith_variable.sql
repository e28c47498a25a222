SELECT c.id
FROM customers AS c
WHERE c.name LIKE 'Customer 2%'
ORDER BY c.id NULLS FIRST
