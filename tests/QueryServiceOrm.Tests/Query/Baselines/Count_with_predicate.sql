SELECT CAST(count(*) AS int)
FROM orders AS o
WHERE o.status = 'paid'
