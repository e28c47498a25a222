SELECT (
    SELECT 1 AS one
    FROM orders AS o
    WHERE o.amount > 450 AND o.customer_id = 5
    LIMIT 1) IS NOT NULL
FROM customers AS c
WHERE c.id = 1
LIMIT 2
