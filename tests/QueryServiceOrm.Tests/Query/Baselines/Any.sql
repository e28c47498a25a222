SELECT (
    SELECT 1 AS one
    FROM orders AS o
    LIMIT 1) IS NOT NULL
