namespace QueryServiceOrm.Infrastructure;

/// <summary>How an array becomes one row per element.</summary>
public enum QueryServiceExplodeForm
{
    /// <summary><c>JOIN LATERAL (SELECT explode(a) AS value) AS x ON TRUE</c>: correlated, Spark 3.4 and later.</summary>
    LateralSubquery,

    /// <summary><c>LATERAL VIEW explode(a) x AS value</c>: every Spark 3.x, after the query's other relations only.</summary>
    LateralView,
}
