namespace QueryServiceOrm.Sandbox.Xdm;

// The generated data as plain records, so tests can compare what they read with what was written.
// Field names follow XDM; the SQL names are the camelCase ones shown in the comments of XdmSampleData.

/// <summary>An ExperienceEvent as generated.</summary>
public sealed record SampleEvent(
    string Id,
    DateTime Timestamp,
    string EventType,
    SampleWeb? Web,
    SampleCommerce? Commerce,
    IReadOnlyList<SampleProductListItem>? ProductListItems,
    SampleEnvironment? Environment,
    IReadOnlyDictionary<string, IReadOnlyList<SampleIdentity>>? IdentityMap,
    SampleLuma? Luma);

/// <summary><c>web</c>.</summary>
public sealed record SampleWeb(SampleWebPageDetails? WebPageDetails, SampleWebReferrer? WebReferrer);

/// <summary><c>web.webPageDetails</c>.</summary>
public sealed record SampleWebPageDetails(string? Name, string? Url, SampleMeasure? PageViews);

/// <summary><c>web.webReferrer</c>.</summary>
public sealed record SampleWebReferrer(string? Url);

/// <summary>An XDM measure (<c>{value}</c>).</summary>
public sealed record SampleMeasure(double? Value);

/// <summary><c>commerce</c>.</summary>
public sealed record SampleCommerce(SampleOrder? Order, SampleMeasure? Purchases, SampleMeasure? ProductViews);

/// <summary><c>commerce.order</c>.</summary>
public sealed record SampleOrder(string? PurchaseId, double? PriceTotal, string? CurrencyCode);

/// <summary>An element of <c>productListItems</c>.</summary>
public sealed record SampleProductListItem(string? Sku, string? Name, long? Quantity, double? PriceTotal);

/// <summary><c>environment</c>.</summary>
public sealed record SampleEnvironment(SampleBrowserDetails? BrowserDetails);

/// <summary><c>environment.browserDetails</c>.</summary>
public sealed record SampleBrowserDetails(string? Name, string? Version);

/// <summary>An element of an <c>identityMap</c> entry.</summary>
public sealed record SampleIdentity(string Id, string AuthenticatedState, bool Primary);

/// <summary>The tenant object <c>_luma</c>.</summary>
public sealed record SampleLuma(SampleLoyalty? Loyalty, SampleReservedWordTest? ReservedWordTest);

/// <summary><c>_luma.loyalty</c>.</summary>
public sealed record SampleLoyalty(string? Tier, long? Points);

/// <summary><c>_luma.reservedWordTest</c>: a reserved word and a digit-led name as field names.</summary>
public sealed record SampleReservedWordTest(string? Order, bool? FirstVisit);

/// <summary>A profile as generated.</summary>
public sealed record SampleProfile(
    string Id, SamplePersonName? Name, DateOnly? BirthDate, string? Email,
    IReadOnlyDictionary<string, IReadOnlyList<SampleIdentity>>? IdentityMap, SampleLoyalty? Loyalty);

/// <summary><c>person.name</c>.</summary>
public sealed record SamplePersonName(string? FirstName, string? LastName);
