SELECT o.id
FROM orders AS o
WHERE CAST(floor(date_part('dayofweek', o.placed)) - CAST('1' AS double) AS int) = 0
ORDER BY o.id NULLS FIRST
