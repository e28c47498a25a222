using Microsoft.EntityFrameworkCore.Update;
using QueryServiceOrm.Infrastructure;
using QueryServiceOrm.Storage;

namespace QueryServiceOrm.Update;

/// <summary>Creates <see cref="QueryServiceModificationCommandBatch"/> instances in place of Npgsql's batches.</summary>
internal sealed class QueryServiceModificationCommandBatchFactory(
    ModificationCommandBatchFactoryDependencies dependencies, SqlDialect dialect, QueryServiceAppendOptions limits)
    : IModificationCommandBatchFactory
{
    public ModificationCommandBatch Create() => new QueryServiceModificationCommandBatch(dependencies, dialect, limits);
}
