SELECT CASE
    WHEN o.amount > 400 THEN 'large'
    WHEN o.amount > 100 THEN 'medium'
    ELSE 'small'
END
FROM orders AS o
ORDER BY o.id NULLS FIRST
