SELECT (
    SELECT 1 AS one
    FROM orders AS o
    WHERE o.amount <= 0
    LIMIT 1) IS NULL
