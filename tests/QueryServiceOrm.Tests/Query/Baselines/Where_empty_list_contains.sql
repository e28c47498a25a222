SELECT c.id
FROM customers AS c
WHERE FALSE
