#!/usr/bin/env python3
"""Writes a larger CRM stage history in each vendor's export format (the columns of README.md, as
make_samples.py writes them) with planted deviations, and the truth: which deal has which deviation.

usage: make_planted.py OUT_DIR [DEALS] [SEED]

Every planted deal has exactly one deviation; all other deals run Prospecting -> ... -> Closed Won with 2-4
days per stage, so a stage's p90 time is at most 4 days and a planted stall (30-60 days) is the only stay
above it. Kinds: skip (Qualification -> Negotiation, Proposal skipped), backward (Proposal -> Qualification
-> Proposal), stall (one long stay in Qualification, Proposal or Negotiation) and drop-out (the history ends
in Qualification, Proposal or Negotiation). Writes OUT_DIR/<vendor file>.csv and OUT_DIR/truth_<vendor
file>.csv (case,kind,stage with the vendor's case id)."""
import csv, datetime as dt, os, random, sys

P, Q, PR, N, W = "Prospecting", "Qualification", "Proposal", "Negotiation", "Closed Won"
STAGES = [P, Q, PR, N, W]
BASE = dt.datetime(2024, 1, 8, 9, 0, tzinfo=dt.timezone.utc)


def plan(deals, seed):
    """deal number -> (path [(stage, day offset)], segment, [(kind, stage)])."""
    rnd = random.Random(seed)
    kinds = ["skip"] * 4 + ["backward"] * 4 + ["stall"] * 5 + ["drop-out"] * 6
    kinds += ["fit"] * (deals - len(kinds))
    rnd.shuffle(kinds)
    out = {}
    for n, kind in enumerate(kinds):
        day = rnd.randint(0, 60)
        path, truth = [], []

        def enter(stage, stay=None):
            nonlocal day
            path.append((stage, day))
            day += stay if stay is not None else rnd.choice([2, 3, 4])

        if kind == "fit":
            for s in STAGES:
                enter(s)
        elif kind == "skip":
            for s in [P, Q, N, W]:
                enter(s)
            truth.append(("skip", Q))
        elif kind == "backward":
            for s in [P, Q, PR, Q, PR, N, W]:
                enter(s)
            truth.append(("backward", PR))
        elif kind == "stall":
            where = rnd.choice([Q, PR, N])
            for s in STAGES:
                enter(s, rnd.randint(30, 60) if s == where else None)
            truth.append(("stall", where))
        else:  # drop-out
            end = rnd.choice([Q, PR, N])
            for s in STAGES[: STAGES.index(end) + 1]:
                enter(s)
            truth.append(("drop-out", end))
        out[n] = (path, rnd.choice(["EMEA", "AMER"]), truth)
    return out


def when(day, hours=0):
    return BASE + dt.timedelta(days=day, hours=hours)


def sf_time(t):
    return t.strftime("%Y-%m-%dT%H:%M:%S.000+0000")


def write(folder, name, header, rows, deals, case_id):
    with open(os.path.join(folder, name), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)
    with open(os.path.join(folder, "truth_" + name), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["case", "kind", "stage"])
        for n, (_, _, truth) in deals.items():
            for kind, stage in truth:
                w.writerow([case_id(n), kind, stage])


def main():
    folder = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 150
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 16
    os.makedirs(folder, exist_ok=True)
    deals = plan(count, seed)

    opp = lambda n: f"006Hs{n:07d}IAF"
    rows = []
    for n, (path, seg, _) in deals.items():
        for k, (stage, day) in enumerate(path):
            rows.append([f"008Hs{n:06d}{k:02d}AAA", opp(n), "005Hs000001AbcDIAS", sf_time(when(day)), stage,
                         f"{12000 + 10 * n:.2f}", "", "2024-06-30", "", "Pipeline", sf_time(when(day)), "false",
                         seg])
    write(folder, "salesforce_OpportunityHistory.csv",
          ["Id", "OpportunityId", "CreatedById", "CreatedDate", "StageName", "Amount", "ExpectedRevenue",
           "CloseDate", "Probability", "ForecastCategory", "SystemModstamp", "IsDeleted", "Region"], rows, deals,
          opp)

    rows = []
    for n, (path, _, _) in deals.items():
        rows.append([f"017Hs{n:06d}A000", opp(n), "005Hs000001AbcDIAS", sf_time(when(path[0][1])), "created", "",
                     "", "", "false"])
        for k in range(1, len(path)):
            rows.append([f"017Hs{n:06d}A{k:03d}", opp(n), "005Hs000001AbcDIAS", sf_time(when(path[k][1])),
                         "StageName", "Text", path[k - 1][0], path[k][0], "false"])
        rows.append([f"017Hs{n:06d}B000", opp(n), "005Hs000001AbcDIAS", sf_time(when(path[0][1], 2)), "Amount",
                     "Currency", "10000", "12500", "false"])
    write(folder, "salesforce_OpportunityFieldHistory.csv",
          ["Id", "OpportunityId", "CreatedById", "CreatedDate", "Field", "DataType", "OldValue", "NewValue",
           "IsDeleted"], rows, deals, opp)

    lead = lambda n: f"00QHs{n:07d}MAQ"
    rows = []
    for n, (path, _, _) in deals.items():
        rows.append([f"017Hs{n:06d}L000", lead(n), "005Hs000001AbcDIAS", sf_time(when(path[0][1])), "created",
                     "", "", "false"])
        for k in range(1, len(path)):
            rows.append([f"017Hs{n:06d}L{k:03d}", lead(n), "005Hs000001AbcDIAS", sf_time(when(path[k][1])),
                         "Status", path[k - 1][0], path[k][0], "false"])
    write(folder, "salesforce_LeadHistory.csv",
          ["Id", "LeadId", "CreatedById", "CreatedDate", "Field", "OldValue", "NewValue", "IsDeleted"], rows, deals,
          lead)

    # HubSpot labels spelled as a portal may spell them: case, spacing and punctuation differ from the map.
    label = {P: "prospecting", Q: "QUALIFICATION", PR: "Proposal", N: "Negotiation", W: "Closed-Won"}
    hs = lambda n: str(15023000000 + n)
    rows = []
    for n, (path, _, _) in deals.items():
        for stage, day in path:
            rows.append([hs(n), "dealstage", label[stage], when(day).strftime("%Y-%m-%dT%H:%M:%S.000Z"),
                         "CRM_UI", "userId:4711", "4711"])
        rows.append([hs(n), "amount", "12000", when(path[0][1], 3).strftime("%Y-%m-%dT%H:%M:%S.000Z"), "CRM_UI",
                     "userId:4711", "4711"])
    write(folder, "hubspot_deal_property_history.csv",
          ["dealId", "property", "value", "timestamp", "sourceType", "sourceId", "updatedByUserId"], rows, deals,
          hs)

    cet = dt.timezone(dt.timedelta(hours=1))
    dyn = lambda n: f"7f3c9a2e-1b4d-4e8f-9a0c-{n:012d}"
    rows = []
    for n, (path, _, _) in deals.items():
        for k, (stage, day) in enumerate(path):
            rows.append([f"b1e5d7c3-0000-4000-8000-{n:08d}{k:04d}", dyn(n), f"Contoso deal {n}",
                         "Opportunity Sales Process", stage,
                         when(day).astimezone(cet).strftime("%Y-%m-%dT%H:%M:%S+01:00"), "Active"])
    write(folder, "dynamics365_opportunitysalesprocess.csv",
          ["businessprocessflowinstanceid", "opportunityid", "name", "processid", "Active Stage",
           "activestagestartedon", "statecode"], rows, deals, dyn)

    ids = {s: k + 1 for k, s in enumerate(STAGES)}
    pd = lambda n: str(3100 + n)
    rows, rid = [], 90000
    for n, (path, _, _) in deals.items():
        for k in range(1, len(path)):
            rid += 1
            old, new = path[k - 1][0], path[k][0]
            rows.append([rid, pd(n), "12", "stage_id", ids[old], ids[new], old, new,
                         when(path[k][1]).strftime("%Y-%m-%d %H:%M:%S"), "app"])
    write(folder, "pipedrive_deal_flow.csv",
          ["id", "item_id", "user_id", "field_key", "old_value", "new_value", "old_value_formatted",
           "new_value_formatted", "log_time", "change_source"], rows, deals, pd)

    ist = dt.timezone(dt.timedelta(hours=5, minutes=30))
    zo = lambda n: f"57257670{n:07d}"
    rows = []
    for n, (path, _, _) in deals.items():
        for k, (stage, day) in enumerate(path):
            days = (path[k + 1][1] - day) if k + 1 < len(path) else ""
            rows.append([f"57257671{n:05d}{k:02d}", zo(n), f"Zylker deal {n}", stage, "12,000.00", "", "2024-06-30",
                         days, "Patricia Boyle", when(day).astimezone(ist).strftime("%Y-%m-%dT%H:%M:%S+05:30")])
    write(folder, "zoho_deal_stage_history.csv",
          ["Record Id", "Deal Name.id", "Deal Name", "Stage", "Amount", "Expected Revenue", "Closing Date",
           "Stage Duration (Calendar Days)", "Modified By", "Last Modified Time"], rows, deals, zo)


if __name__ == "__main__":
    main()
