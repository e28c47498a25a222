SELECT o.status AS Key, CAST(count(*) AS int) AS Count
FROM orders AS o
GROUP BY o.status
ORDER BY o.status NULLS FIRST
