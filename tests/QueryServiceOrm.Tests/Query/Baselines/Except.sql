SELECT c.id
FROM customers AS c
EXCEPT
SELECT o.customer_id AS id
FROM orders AS o
