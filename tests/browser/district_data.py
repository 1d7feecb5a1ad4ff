"""A small registry and contract list for the district pages' browser test (issue 16): two
districts, five streets, 70 enterprises, written as the CSV files `bargain registry import` and
`bargain contracts import` read. Deterministic (no randomness), so every run shows the same
figures; chosen so that each street has covered enterprises, enterprises never covered, ones
whose contract fell due in 2025 (renewed or not) and ones whose coverage ends within the 90-day
reminder window of 2025-06-30, and a regional contract covering enterprises of two streets.

Usage: python3 district_data.py DIRECTORY   (writes registry.csv and contracts.csv)
"""
import csv
import os
import sys

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

STREETS = [
    ("北京经济技术开发区", "荣华街道"), ("北京经济技术开发区", "博兴街道"), ("北京经济技术开发区", "亦庄镇"),
    ("大兴区", "兴丰街道"), ("大兴区", "清源街道"),
]
INDUSTRIES = ["制造业", "信息传输、软件和信息技术服务业", "批发和零售业", "住宿和餐饮业"]


def credit_code(number):
    """A valid unified social credit code (GB 32100-2015) for enterprise `number`."""
    body = "9111030" + f"2MA{number:07d}"[:10]
    total = sum(ALPHABET.index(c) * w for c, w in zip(body, WEIGHTS))
    return body + ALPHABET[(31 - total % 31) % 31]


def main(directory):
    os.makedirs(directory, exist_ok=True)
    enterprises, contracts = [], []
    number = 0
    regional = []
    for street_index, (district, street) in enumerate(STREETS):
        for i in range(12 + 2 * street_index % 5):
            number += 1
            code = credit_code(number)
            unionised = i % 7 != 6  # about one in seven has no union
            enterprises.append({
                "uscc": code, "name": f"{street[:2]}{INDUSTRIES[i % 4][:2]}第{number}有限公司", "district": district,
                "street": street, "industry": INDUSTRIES[i % 4], "employees": 20 + (number * 37) % 480,
                "union_founded_on": f"20{10 + i % 10}-03-01" if unionised else "",
                "chamber_member": "true" if i % 3 == 0 else "false", "closed_on": "",
            })
            # Contracts: by the enterprise's place in its street, so every street has each kind.
            kind = (i + street_index) % 6
            if kind == 0:         # covered well past the as-of date
                contracts.append((f"C-{number}-A", "enterprise", "2024-01-01", "2026-12-31", code))
            elif kind == 1:       # fell due in 2025 and was renewed the next day
                contracts.append((f"C-{number}-A", "enterprise", "2022-03-01", "2025-02-28", code))
                contracts.append((f"C-{number}-B", "enterprise", "2025-03-01", "2028-02-29", code))
            elif kind == 2:       # coverage ends within 90 days of 2025-06-30
                contracts.append((f"C-{number}-A", "enterprise", "2022-08-01", "2025-07-31", code))
            elif kind == 3:       # fell due in 2025 and was not renewed
                contracts.append((f"C-{number}-A", "enterprise", "2022-04-01", "2025-03-31", code))
            elif kind == 4 and street_index < 2:  # covered by the regional contract
                regional.append(code)
            # kind 5: never covered
    contracts.append(("R-2025-001", "regional", "2025-01-01", "2027-12-31", ";".join(regional)))
    with open(os.path.join(directory, "registry.csv"), "w", newline="", encoding="utf-8") as file:
        writer = csv.DictWriter(file, fieldnames=list(enterprises[0].keys()))
        writer.writeheader()
        writer.writerows(enterprises)
    with open(os.path.join(directory, "contracts.csv"), "w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file)
        writer.writerow(["contract_id", "level", "title", "signed_on", "effective_on", "expires_on", "terminated_on", "enterprises"])
        for contract_id, level, effective, expires, codes in contracts:
            writer.writerow([contract_id, level, f"{contract_id} 工资专项集体合同", effective, effective, expires, "", codes])
    print(f"district_data: {len(enterprises)} enterprises, {len(contracts)} contracts in {directory}", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1])
