SELECT c.id
FROM customers AS c
WHERE (
    SELECT CAST(count(*) AS int)
    FROM orders AS o
    WHERE o.customer_id = c.id) >= 5
ORDER BY c.id NULLS FIRST
