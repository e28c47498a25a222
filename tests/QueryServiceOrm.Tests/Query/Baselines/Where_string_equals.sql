SELECT c.id
FROM customers AS c
WHERE c.city = 'Paris'
ORDER BY c.id NULLS FIRST
