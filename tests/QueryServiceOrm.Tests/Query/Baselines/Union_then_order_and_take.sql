SELECT u.id
FROM (
    SELECT c.id
    FROM customers AS c
    WHERE c.id < 5
    UNION
    SELECT c0.id
    FROM customers AS c0
    WHERE c0.id > 35
) AS u
ORDER BY u.id DESC NULLS LAST
LIMIT 3
