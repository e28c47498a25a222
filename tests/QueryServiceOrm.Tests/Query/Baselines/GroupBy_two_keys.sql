SELECT o0.status AS Status, o0.Big, CAST(count(*) AS int) AS N
FROM (
    SELECT o.status, o.amount > 250 AS Big
    FROM orders AS o
) AS o0
GROUP BY o0.status, o0.Big
ORDER BY o0.status NULLS FIRST, o0.Big NULLS FIRST
