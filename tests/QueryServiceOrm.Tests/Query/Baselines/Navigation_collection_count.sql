SELECT c.id AS Id, (
    SELECT CAST(count(*) AS int)
    FROM orders AS o
    WHERE c.id = o.customer_id) AS N
FROM customers AS c
ORDER BY c.id NULLS FIRST
