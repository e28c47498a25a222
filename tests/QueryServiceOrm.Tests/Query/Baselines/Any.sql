SELECT EXISTS (
    SELECT 1
    FROM orders AS o)
