namespace QueryServiceOrm.Xdm;

/// <summary>What an <see cref="XdmArrayLambdaExpression"/> computes from its lambda.</summary>
internal enum XdmArrayOperation
{
    /// <summary>Whether some element satisfies the lambda (<c>Any(x =&gt; ...)</c>).</summary>
    Exists,

    /// <summary>How many elements satisfy the lambda (<c>Count(x =&gt; ...)</c>).</summary>
    Count,

    /// <summary>The lambda's value for every element, in order (<c>Select(x =&gt; ...).ToList()</c>).</summary>
    Transform,
}
