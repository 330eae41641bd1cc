package io.mlconnector.testkit.syspro.internal;

import java.util.Locale;

/** Routes e.net calls to the business objects; every call runs under the company's lock. */
public final class BusinessObjects {
  private final Company company;
  private final Queries queries;
  private final SetupObject arsscs;
  private final SetupObject apsssp;
  private final Arstpy arstpy;
  private final Apstin apstin;
  private final Gentjl gentjl;

  public BusinessObjects(Company company, Config config) {
    this.company = company;
    Bo bo = new Bo(company, config);
    this.queries = new Queries(bo);
    this.arsscs = SetupObject.arsscs(bo);
    this.apsssp = SetupObject.apsssp(bo);
    this.arstpy = new Arstpy(bo);
    this.apstin = new Apstin(bo);
    this.gentjl = new Gentjl(bo);
  }

  private static String name(String businessObject) {
    if (businessObject == null || businessObject.isBlank()) {
      throw new EnetError("BusinessObject is required");
    }
    return businessObject.strip().toUpperCase(Locale.ROOT);
  }

  /** {@code Query/Query}. */
  public String query(String businessObject, String xmlIn, String operator) {
    String bo = name(businessObject);
    synchronized (company) {
      switch (bo) {
        case "COMFND":
          return queries.comfnd(xmlIn);
        case "ARSQRY":
          return queries.arsqry(xmlIn, operator);
        case "GENQRY":
          return queries.genqry(xmlIn, operator);
        default:
          throw unknown(bo, "Query");
      }
    }
  }

  /** {@code Query/Browse} (COMBRW). */
  public String browse(String xmlIn) {
    synchronized (company) {
      return queries.combrw(xmlIn);
    }
  }

  /** {@code Query/Fetch} (COMFCH). */
  public String fetch(String xmlIn) {
    synchronized (company) {
      return queries.comfch(xmlIn);
    }
  }

  /** {@code Setup/Add|Update|Delete}. */
  public String setup(String method, String businessObject, String xmlParameters, String xmlIn) {
    String bo = name(businessObject);
    SetupObject target;
    switch (bo) {
      case "ARSSCS":
        target = arsscs;
        break;
      case "APSSSP":
        target = apsssp;
        break;
      default:
        throw unknown(bo, "Setup");
    }
    synchronized (company) {
      return target.run(method, xmlParameters, xmlIn);
    }
  }

  /** {@code Transaction/Post} and {@code Transaction/PostLD}. */
  public String post(String businessObject, String xmlParameters, String xmlIn) {
    String bo = name(businessObject);
    synchronized (company) {
      switch (bo) {
        case "ARSTPY":
          return arstpy.post(xmlParameters, xmlIn);
        case "APSTIN":
          return apstin.post(xmlParameters, xmlIn);
        case "GENTJL":
          return gentjl.post(xmlParameters, xmlIn);
        default:
          throw unknown(bo, "Transaction");
      }
    }
  }

  private static EnetError unknown(String bo, String cls) {
    return new EnetError("Business object '" + bo + "' is not available as a " + cls + " object");
  }
}
