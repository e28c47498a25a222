SELECT NOT EXISTS (
    SELECT 1
    FROM orders AS o
    WHERE o.amount <= 0)
