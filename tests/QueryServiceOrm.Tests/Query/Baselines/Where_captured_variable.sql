SELECT c.id
FROM customers AS c
WHERE c.city = 'Berlin'
ORDER BY c.id NULLS FIRST
