SELECT c.city
FROM customers AS c
WHERE c.id < 5
UNION
SELECT c0.city
FROM customers AS c0
WHERE c0.id > 35
