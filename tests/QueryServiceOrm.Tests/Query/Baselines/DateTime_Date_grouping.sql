SELECT o0.Key, CAST(count(*) AS int) AS N
FROM (
    SELECT date_trunc('day', o.placed) AS Key
    FROM orders AS o
) AS o0
GROUP BY o0.Key
ORDER BY o0.Key NULLS FIRST
LIMIT 5
