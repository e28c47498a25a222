SELECT o.status AS Key, CAST(count(*) FILTER (WHERE o.amount > 250) AS int) AS Large
FROM orders AS o
GROUP BY o.status
ORDER BY o.status NULLS FIRST
