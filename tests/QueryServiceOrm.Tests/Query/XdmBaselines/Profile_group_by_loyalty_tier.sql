SELECT x0.Key, CAST(count(*) AS int) AS N, COALESCE(sum(x0._luma.loyalty.points), 0) AS Points
FROM (
    SELECT x._luma, x._luma.loyalty.tier AS Key
    FROM xdm_profiles AS x
) AS x0
GROUP BY x0.Key
ORDER BY x0.Key NULLS FIRST
