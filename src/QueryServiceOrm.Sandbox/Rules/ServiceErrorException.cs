namespace QueryServiceOrm.Sandbox.Rules;

/// <summary>A statement (or connection) the front refuses, with the error the client receives.</summary>
internal sealed class ServiceErrorException(ServiceError error) : Exception(error.Message)
{
    public ServiceError Error { get; } = error;
}
