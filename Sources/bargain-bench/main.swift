print("bargain-bench")
