SELECT c.id
FROM customers AS c
WHERE c.name ILIKE 'customer 1%'
ORDER BY c.id NULLS FIRST
