SELECT (
    SELECT 1 AS one
    FROM orders AS o
    WHERE o.amount > 499
    LIMIT 1) IS NOT NULL
