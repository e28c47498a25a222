SELECT date_format(o.placed, 'yyyy-MM-dd HH:mm:ss')
FROM orders AS o
WHERE o.id <= 5
ORDER BY o.id NULLS FIRST
