SELECT c.id
FROM customers AS c
WHERE c.name LIKE '%O\u0027N%'
ORDER BY c.id NULLS FIRST
